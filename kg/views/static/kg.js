/* Behaviour of the kg pages. Each page says which view it is (body data-view) and carries its
   data in a JSON block (#kg-data). Names come from reports and are untrusted: they reach the
   page only through textContent or the vis-network canvas, never as HTML. */
"use strict";
(function () {
  const FONT = '"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",' +
    '"Source Han Sans SC","WenQuanYi Micro Hei",sans-serif';

  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function tooltip(n) {
    const box = el("div", undefined, "kg-tip");
    box.append(el("strong", n.label), el("div", [n.type, ...n.years].join(" · ")));
    if (n.aliases.length) box.append(el("div", "also: " + n.aliases.join("、")));
    return box;
  }

  const BIG_FONT = 48;  // the overview's named nodes, in layout units: readable once fitted to the screen
  const SMALL_FONT = 12;
  const BIG_PX = 12;  // the least size on screen of a named node's label once the overview is fitted
  const DRAW_THRESHOLD = 6;  // px: vis draws no label smaller than this on screen

  /* A vis network of data.nodes/data.edges in container. With data.fixed the nodes come laid
     out (x, y); otherwise physics lays them out and stops once the layout settles. */
  function graph(container, data) {
    const many = data.nodes.length > 150;
    const nodes = new vis.DataSet(data.nodes.map((n) => ({
      id: n.id, label: n.label, title: tooltip(n), color: n.color, size: n.size, kg: n,
      borderWidth: n.id === data.center ? 4 : 1, x: n.x, y: n.y,
      font: data.fixed ? {size: n.big ? BIG_FONT : SMALL_FONT, strokeWidth: n.big ? 6 : 0, strokeColor: "#fff"}
        : undefined,
    })));
    const edges = new vis.DataSet(data.edges.map((e, i) => {
      const weak = e.relation === "cooccurs";
      return {
        id: i, from: e.from, to: e.to, relation: e.relation, width: weak ? 0.5 : e.width,
        label: weak ? undefined : e.relation, arrows: weak ? "" : "to",
        color: {color: weak ? "#cfcfcf" : "#8c8c8c", opacity: e.across ? 0.25 : 1},
        hidden: weak && Boolean(data.hideCooccurs),
      };
    }));
    const network = new vis.Network(container, {nodes, edges}, {
      nodes: {shape: "dot", font: {face: FONT, size: 14}, scaling: {label: {drawThreshold: DRAW_THRESHOLD}}},
      edges: {smooth: false, font: {face: FONT, size: 9, color: "#666"}, arrows: {to: {scaleFactor: 0.4}}},
      layout: {improvedLayout: !many && !data.fixed, randomSeed: 1},  // the same picture on every load
      physics: data.fixed ? false : {
        solver: "forceAtlas2Based",
        forceAtlas2Based: {gravitationalConstant: -45, springLength: 90, avoidOverlap: 0.1},
        // A fixed budget of node-iterations (about 4 s for 2,000 nodes on two cores), 80 to 300 rounds.
        stabilization: {iterations: Math.min(300, Math.max(80, Math.round(200000 / (data.nodes.length || 1)))),
          updateInterval: 25},
        minVelocity: 1,
      },
      interaction: {hover: true, tooltipDelay: 120, hideEdgesOnDrag: many},
    });
    const status = document.getElementById("kg-status");
    network.on("stabilizationProgress", (p) => {
      if (status) status.textContent = "laying out… " + Math.round((100 * p.iterations) / p.total) + "%";
    });
    network.once("stabilizationIterationsDone", () => {
      network.setOptions({physics: false});
      if (status) status.textContent = data.nodes.length + " nodes, " + data.edges.length + " links";
      window.kgStable = true;
    });
    if (data.fixed) {
      network.fit();
      // On a big overview the fitted scale is small: write the named nodes large enough to read.
      const scale = network.getScale();
      if (scale * BIG_FONT < BIG_PX) {
        nodes.update(data.nodes.filter((n) => n.big).map((n) => ({
          id: n.id, font: {size: BIG_PX / scale, strokeWidth: 6 * BIG_PX / (scale * BIG_FONT), strokeColor: "#fff"},
        })));
      }
      network.once("afterDrawing", () => {
        if (status) status.textContent = data.nodes.length + " nodes, " + data.edges.length + " links";
        window.kgStable = true;
      });
    }
    if (!data.nodes.length) {
      if (status) status.textContent = "no entities to show";
      window.kgStable = true;
    }
    /* How many names are drawn now: shown nodes inside the view whose label is above the threshold. */
    window.kgVisibleLabels = () => {
      const scale = network.getScale();
      const box = container.getBoundingClientRect();
      return nodes.get({filter: (n) => !n.hidden && n.label}).filter((n) => {
        const size = (n.font && n.font.size) || 14;
        const at = network.canvasToDOM(network.getPosition(n.id));
        return size * scale >= DRAW_THRESHOLD && at.x >= 0 && at.y >= 0 && at.x <= box.width && at.y <= box.height;
      }).length;
    };
    window.kgNetwork = network;
    window.kgNodes = nodes;
    window.kgEdges = edges;
    return {network, nodes, edges};
  }

  function overview(data) {
    const {network, nodes, edges} = graph(document.getElementById("kg-graph"), data);
    const search = document.getElementById("kg-search");
    const results = document.getElementById("kg-results");
    const details = document.getElementById("kg-details");
    const typeBoxes = [...document.querySelectorAll("input[name=kg-type]")];
    const year = document.getElementById("kg-year");
    const cooccurs = document.getElementById("kg-cooccurs");
    const names = (n) => [n.label, ...n.aliases].map((s) => s.toLowerCase());

    function shown(n) {
      const types = typeBoxes.filter((b) => b.checked).map((b) => b.value);
      return types.includes(n.type) && (!year.value || n.years.includes(Number(year.value)));
    }

    function filter() {
      nodes.update(data.nodes.map((n) => ({id: n.id, hidden: !shown(n)})));
      edges.update(edges.get({filter: (e) => e.relation === "cooccurs"})
        .map((e) => ({id: e.id, hidden: !cooccurs.checked})));
    }

    function showDetails(id) {
      const n = nodes.get(id).kg;
      const dl = el("dl", undefined, "facts");
      const add = (key, value) => { if (value) dl.append(el("dt", key), el("dd", value)); };
      add("type", n.type);
      add("also called", n.aliases.join("、"));
      add("years", n.years.join(", "));
      add("mentions", String(n.mentions));
      const more = n.reportCount > n.docs.length ? " … (" + (n.reportCount - n.docs.length) + " more)" : "";
      add("reports", n.docs.map((d) => (data.reports && data.reports[d]) || d).join("、") + more);
      details.replaceChildren(el("h2", n.label), dl);
      if (n.timeline && n.timeline.length) {
        const list = el("ol", undefined, "timeline-list");
        for (const [year, stage] of n.timeline) {
          const li = el("li", String(year) + " ");
          li.append(el("span", stage || "mentioned", "stage st-" + (stage || "mentioned")));
          list.append(li);
        }
        details.append(el("h3", "Timeline"), list);
      }
      if (n.url) {
        const a = el("a", "open its page →");
        a.href = n.url;
        details.append(a);
      }
      details.hidden = false;
    }

    /* Centre the node, zoomed in enough to read its neighbours' names, and highlight it. */
    function select(id) {
      network.selectNodes([id]);
      network.focus(id, {scale: Math.max(network.getScale(), 0.8), animation: {duration: 300}});
      showDetails(id);
    }

    /* Items (label, aliases) whose label or alias contains the query; whole-name matches first. */
    function find(items, query) {
      const q = query.trim().toLowerCase();
      if (!q) return [];
      const rank = (n) => (names(n).includes(q) ? 0 : 1);
      return items.filter((n) => names(n).some((s) => s.includes(q)))
        .sort((a, b) => rank(a) - rank(b) || a.label.length - b.label.length);
    }

    /* Every entity with a page (static/kg-names.js), for names the overview does not draw. */
    const drawn = new Set(data.nodes.map((n) => n.url));
    const pages = (window.kgNames || []).map(([label, aliases, url, type]) => ({label, aliases, url, type}))
      .filter((n) => !drawn.has(n.url));

    search.addEventListener("input", () => {
      const hits = find(data.nodes.filter(shown), search.value).slice(0, 20);
      const elsewhere = find(pages, search.value).slice(0, 20 - hits.length);
      results.replaceChildren(...hits.map((n) => {
        const button = el("button", n.label);
        button.type = "button";
        button.append(el("span", " " + n.type, "muted"));
        button.addEventListener("click", () => select(n.id));
        const li = el("li");
        li.append(button);
        return li;
      }), ...elsewhere.map((n) => {
        const a = el("a", n.label, "kg-elsewhere");
        a.href = n.url;
        const li = el("li");
        li.append(a, el("span", " " + n.type + " · not drawn: open its page", "muted"));
        return li;
      }));
      if (hits.length) select(hits[0].id);
      else if (!elsewhere.length && search.value.trim()) results.replaceChildren(el("li", "no match", "muted"));
    });
    for (const input of [...typeBoxes, year, cooccurs]) input.addEventListener("change", filter);
    network.on("click", (p) => { if (p.nodes.length) showDetails(p.nodes[0]); });
    network.on("doubleClick", (p) => {
      const n = p.nodes.length && nodes.get(p.nodes[0]).kg;
      if (n && n.url) window.location.href = n.url;
    });
  }

  function neighbourhood(data) {
    const {network, nodes} = graph(document.getElementById("kg-graph"), data);
    network.on("click", (p) => {
      const n = p.nodes.length && nodes.get(p.nodes[0]).kg;
      if (n && n.url && n.id !== data.center) window.location.href = n.url;
    });
  }

  /* Sort the grid's rows by name (A→Z, again for Z→A) or by number of years (most first). */
  function recurrence() {
    const body = document.querySelector("#kg-grid tbody");
    let last = null;
    let dir = 1;
    for (const button of document.querySelectorAll("#kg-grid button[data-sort]")) {
      button.addEventListener("click", () => {
        const key = button.dataset.sort;
        dir = key === last ? -dir : (key === "years" ? -1 : 1);
        last = key;
        const rows = [...body.rows].sort((x, y) => dir * (key === "years"
          ? Number(x.dataset.years) - Number(y.dataset.years)
          : x.dataset.name.localeCompare(y.dataset.name, "zh")));
        body.append(...rows);
      });
    }
  }

  const views = {overview, neighbourhood, recurrence};
  const view = views[document.body.dataset.view];
  const block = document.getElementById("kg-data");
  if (view) view(block ? JSON.parse(block.textContent) : null);
})();

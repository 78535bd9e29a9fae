/* kg serve's query page: a Yasgui editor and results on this server's /sparql, the bundled queries
   as examples. Nothing is fetched from elsewhere: prefix completion reads /prefixes.json (the graph's
   own prefixes), and the completers that ask Linked Open Vocabularies are left out. */
"use strict";
(function () {
  const queries = JSON.parse(document.getElementById("queries").textContent);
  const names = Object.keys(queries);
  Yasgui.Yasqe.defaults.autocompleters = ["prefixes", "variables"];
  Yasgui.Yasqe.defaults.prefixCcApi = "/prefixes.json";
  const yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: {endpoint: window.location.origin + "/sparql", method: "POST"},
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: {getData: () => [{endpoint: window.location.origin + "/sparql"}]},
    persistenceId: null,  // each visit starts from the examples, nothing kept in the browser
    populateFromUrl: false,
  });
  const select = document.getElementById("examples");
  const description = document.getElementById("description");

  function show(name) {
    const q = queries[name];
    if (!q) return;
    yasgui.getTab().setQuery(q.text);
    description.textContent = q.description;
  }

  select.addEventListener("change", () => show(select.value));
  if (names.length) {
    select.value = names[0];
    show(names[0]);
  }
  window.kgYasgui = yasgui;
})();

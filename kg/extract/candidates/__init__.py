"""Propose the spans that may name a district, project, organization, program or person.

This stage aims at recall: overlapping and doubtful spans are all kept, each with the source
that proposed it and the type that source suggests; `kg.extract.rules` and the trained
`kg.extract.decide` choose among them. Candidates come only from generic evidence; whether a
phrase is a name, and of what type, is `kg.names`' call. One module per kind of evidence, from
the ground floor up (a module imports only those above it in this list):

- `tokens`: jieba's words of each sentence with their offsets, and the word tests the generators share
- `proposal`: what the stage hands on: `Candidate`, `Sentence`, `Proposal`
- `walks`: where the name before a type-bearing suffix word starts (walking left over name-like words)
- `suffixes`: names ending in a type-bearing suffix (…工业园, …社区, …商会, …行动), typed
- `lists`: names listed before a class noun (甲、乙等3家企业) or a stage verb, in brackets after a
  counted class noun, and the bare items of an enumeration
- `quotes`: quoted names, and quoted programmes by the words around them
- `weak`: spans by the words around them alone: campaigns governed by 实施/开展, bodies in a frame,
  a level's departments, brands opening a clause before their deed
- `works`: numbered entries of project lists, works named by their output, a line's sections
- `people`: titles next to a person's name, signature lines
- `places`: known divisions, and the short names of nearby places from the gazetteer
- `filters`: what names nothing by definition (masks, a span inside a number or a dotted name)
- `propose`: runs them all, sentence by sentence, into a `Proposal`

Outside code imports from the module that holds a name (`kg.extract.candidates.propose`).
"""

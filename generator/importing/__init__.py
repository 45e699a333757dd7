"""Pieces of ``notices import``: reading a published notice and turning it into a draft.

``generator.importing.importer`` is the entry point; the modules here each do one step:

- ``reading``: bytes on disk → text (encoding, size and binary checks)
- ``word``: a Word document (.docx) → lines of text with Word's automatic numbering, headings, tables;
  refusals for .doc, encrypted, broken and hostile files; ``pdf``: a PDF's text layer → lines of text
- ``ledger``: a 整改台账 table (序号/问题/整改措施/责任单位/时限/完成情况) → aspects and problems
- ``html``: a saved web page → lines of text, plus the page's ``<meta>`` data
- ``page``: strip the site's chrome (header, breadcrumb, share widgets, footer) → metadata + paragraphs
- ``facts``: inspection team and dates, declared figures, the contact block
- ``outline``: numbering → aspects and problems; ``measures``: 一是/二是 → measures
- ``draft``: the YAML + Markdown files an editor reviews
"""

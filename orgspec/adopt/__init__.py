"""Getting an org into orgspec and back out: `init`, the importers and the spreadsheet export.

Importers read their *source* (a Backstage catalog, an HR roster, CODEOWNERS) into a Draft,
which renders format-v1 YAML; `write.write_draft` puts it on disk through `orgspec.output`.
"""

"""One reader a chapter format (page text, Markdown, HTML, PDF), each reporting raw blocks
that `source.build_document` turns into the document model."""

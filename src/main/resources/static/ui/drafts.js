// Drafts (issue 15 §3) are written by another helper; tipo.html includes this file.

"""Held-out family 5: PA packets laid out as outside practices, labs, payers and fax
servers lay them out."""

"""Held-out family 4: PA packets in outside hospitals', labs' and payers' wording."""

"""Synthetic CAR T prior-authorization packets for carcheck's demo and tests.

Everything here is fictitious: patients, clinicians, clinics, labs, health plans and
manufacturers. Only the CAR T product names are real. The documents imitate what real
labs and clinics send; they are written without looking at how carcheck reads them.
"""

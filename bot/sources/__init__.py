"""Imperative edge: fetch source payloads over HTTP and parse them into Articles.

fetch.py does the network (never raises: errors become values); each parser is
pure (bytes in, Articles out) so it can be tested on recorded payloads.
"""

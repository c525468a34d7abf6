"""Pure analysis core: text in, facts out. No I/O, no clock."""

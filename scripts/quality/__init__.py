"""Checks of the built site, shared by the tests that run them on every page and the tests that prove
each one catches a page that breaks its rule. Each module has one job; none of them changes the site."""

"""Which stylesheets hold up the first paint, read from the page as served (quality.weight)."""

from __future__ import annotations

from quality.weight import blocking_stylesheets


def test_a_plain_stylesheet_blocks_and_a_print_one_does_not():
    head = '<link rel="stylesheet" href="a.css"><link rel="stylesheet" href="p.css" media="print">'
    assert blocking_stylesheets(head) == ["a.css"]


def test_a_noscript_copy_does_not_block_but_the_same_link_outside_it_does():
    # The figures' stylesheets come in as print-only, turned on by script; the <noscript> copy is for pages
    # read without JavaScript, and with scripts on the parser never meets it as a stylesheet.
    deferred = ('<link rel="stylesheet" href="body-map.css" media="print" data-atlas-screen>'
                '<noscript><link rel="stylesheet" href="body-map.css"></noscript>')
    assert blocking_stylesheets(deferred) == []
    assert blocking_stylesheets('<link rel="stylesheet" href="body-map.css">') == ["body-map.css"]
    assert blocking_stylesheets('<noscript></noscript><link rel="stylesheet" href="b.css">') == ["b.css"]

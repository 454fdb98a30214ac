"""Python's cycle collector paused while content is loaded and rendered.

Loading and rendering make millions of short-lived objects while the loaded site stays alive; each of the
collector's full passes walks that whole site again, so with it running the cost per muscle grew with the
number of muscles (make bench: 2.5 ms at N=50, 3.3 at N=500; paused, 2.6 and 2.6). What a build leaves
behind is collected after it, when the collector runs again; the output does not change.
"""

from __future__ import annotations

import functools
import gc


def paused_gc(function):
    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return wrapper

"""`lazy`, kept importable from here: it is `orgspec.lazyre.lazy`, in the bottom layer so
that `escape`, `paths` and `i18n` can use it too."""

from orgspec.lazyre import lazy

__all__ = ["lazy"]

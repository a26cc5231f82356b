"""The org handbook site (`orgspec site`): a page per entity, an org chart and offline search.

    from orgspec.site import SiteOptions, build_site
    build_site(result, org, "public", SiteOptions(lang="zh", repo_url="https://github.com/o/r"))
"""

from orgspec.site.build import SiteError, SiteOptions, SiteStats, build_site

__all__ = ["SiteError", "SiteOptions", "SiteStats", "build_site"]

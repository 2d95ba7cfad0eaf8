"""Industries of the seed world from real data: GB/T 4754-2017 classes and NBS input-output links."""
from seed_data.industries.catalogue import industry, load_industries, traded_goods
from seed_data.industries.concordance import io_sector_of
from seed_data.industries.io_links import IndustryLink, IoSector, industry_links, io_sectors

__all__ = ["IndustryLink", "IoSector", "industry", "industry_links", "io_sector_of", "io_sectors",
           "load_industries", "traded_goods"]

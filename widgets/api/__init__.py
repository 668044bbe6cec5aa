"""The widgets' part of the headless API: monitoring stations and readings (with the gauges'
authenticated ingestion), weather, budget disclosures and visitor statistics. Each module
holds one router; ``cms.api`` mounts them on the project's v3 API."""

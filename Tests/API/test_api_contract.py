"""The real API responses, held against the schemas of /api/v1/openapi.json."""
import json
import urllib.error
import urllib.request

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource


def fetch(server, path):
    try:
        with urllib.request.urlopen(server.url + path) as response:
            return response.status, response.headers["Content-Type"], json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], json.load(error)


@pytest.fixture(scope="module")
def spec(server):
    return fetch(server, "/api/v1/openapi.json")[2]


def validator(spec, name):
    resource = Resource.from_contents(spec, default_specification=Draft202012Validator.META_SCHEMA and None) \
        if False else Resource.from_contents({"$schema": "https://json-schema.org/draft/2020-12/schema", **spec})
    registry = Registry().with_resource("urn:weerbaar:openapi", resource)
    return Draft202012Validator({"$ref": f"urn:weerbaar:openapi#/components/schemas/{name}"}, registry=registry)


CASES = [
    ("/api/v1/offerings", 200, "OfferingList"),
    ("/api/v1/offerings?q=radicalisering&theme=radicalisering&kind=training&perPage=5&page=1&sort=newest", 200, "OfferingList"),
    ("/api/v1/offerings/vng/handboek-maatschappelijke-onrust", 200, "OfferingDetail"),
    ("/api/v1/offerings/lse/casusadvies-extremisme", 200, "OfferingDetail"),
    ("/api/v1/taxonomy", 200, "Taxonomy"),
    ("/api/v1/providers", 200, "ProviderList"),
    ("/api/v1/offerings?theme=onbekend", 400, "Problem"),
    ("/api/v1/offerings?perPage=1000", 400, "Problem"),
    ("/api/v1/offerings/vng/bestaat-niet", 404, "Problem"),
    ("/api/v1/suggest?q=pola", 200, "SuggestionList"),
    ("/api/v1/suggest?q=sociale%20me&limit=3", 200, "SuggestionList"),
    ("/api/v1/suggest?q=x", 200, "SuggestionList"),
    ("/api/v1/suggest", 400, "Problem"),
    ("/api/v1/suggest?q=po&limit=0", 400, "Problem"),
]


@pytest.mark.parametrize("path,status,schema", CASES)
def test_response_matches_the_openapi_schema(server, spec, path, status, schema):
    code, content_type, body = fetch(server, path)
    assert code == status
    assert content_type.startswith("application/problem+json" if status >= 400 else "application/json")
    errors = sorted(validator(spec, schema).iter_errors(body), key=str)
    assert errors == [], "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def test_every_documented_path_answers(server, spec):
    for path in spec["paths"]:
        concrete = path.replace("{provider}", "vng").replace("{id}", "handboek-maatschappelijke-onrust")
        if path.endswith("/suggest"):
            concrete += "?q=po"  # q is required
        assert fetch(server, concrete)[0] == 200, path

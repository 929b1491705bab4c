"""pmgen: Postman collections to Python clients, request snippets and markdown docs."""

__version__ = "0.1.0"

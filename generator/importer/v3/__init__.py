"""Postman collection format 3.0.0: a collection as a folder of YAML files.

    yaml12      YAML 1.2 reading that keeps `yes`, `on`, dates, `1:20`, `=` strings
    fastyaml    a fast reader of the plain block YAML Postman writes (else yaml12's)
    discover    which files of a folder belong to the collection (symlinks kept inside)
    shapes      v3 field shapes -> their v2.1 JSON shapes
    collection  the folder -> the v2.1 dict the v2.1 reader turns into the model
    workspace   Postman workspace folders (`postman/collections/*`, environments)
    environments  v3 environment and globals YAML files
    folder      the entry point: `load_folder(path, limits)`

The reference for every field is ../shared/v3/FORMAT.md (section numbers cited in code).
"""

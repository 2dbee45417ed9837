"""`make bench`: print each figure as `name: value unit`. Groups can be named on the command line."""

import sys

from bench import blob_resume, bookings, bundles, cache_open, directory_sync, document_search, documents_exchange, documents_pdf, files_transfer, local_blobs, login, portal, startup, sync_initial, sync_push, todo_list

GROUPS = {
    "startup": startup.run,
    "cache_open": cache_open.run,
    "directory": directory_sync.run,
    "sync_initial": sync_initial.run,
    "sync_push": sync_push.run,
    "blob": blob_resume.run,
    "login": login.run,
    "docs_pdf": documents_pdf.run,
    "docs_exchange": documents_exchange.run,
    "booking": bookings.run,
    "bundle": bundles.run,
    "files": lambda: local_blobs.run() + files_transfer.run(),
    "files_local": local_blobs.run,
    "docs_search": document_search.run,
    "portal": portal.run,
    "todo": todo_list.run,
}


def main(argv: list[str]) -> int:
    for name in argv or list(GROUPS):
        for figure, value, unit in GROUPS[name]():
            print(f"{figure}: {value} {unit}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

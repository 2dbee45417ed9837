"""`xietong`: the desktop client's entry point (also the PyInstaller script)."""

import argparse
import logging
import os
import sys

from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from app import __version__, logging_setup
from app import config as app_config

log = logging.getLogger(__name__)
LANGUAGES = ("zh_CN", "en")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="xietong", description="协同办公 (Xietong) desktop client",
                                     epilog="xietong verify FILE: check the signed opinions of a document export or a signed PDF")
    parser.add_argument("--version", action="version", version=f"xietong {__version__}")
    parser.add_argument("--smoke", action="store_true", help="open the windows offscreen, check the resources, exit (packaging check)")
    parser.add_argument("--server", metavar="URL", help="exchange server address, e.g. https://oa.example.gov.cn")
    parser.add_argument("--token-dir", metavar="DIR", help="folder holding certificate files (*.p12 with *.crt)")
    parser.add_argument("--trust-anchors", metavar="PEM", help="CA certificates the server and users' certificates chain to")
    parser.add_argument("--pkcs11-module", metavar="LIB", help="the USB key vendor's PKCS#11 library")
    parser.add_argument("--lang", choices=LANGUAGES, help="interface language (default zh_CN)")
    parser.add_argument("--verbose", action="store_true", help="log debug messages, also to the console")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["verify"]:  # `xietong verify FILE`: signatures checked on the command line, no window
        from app.documents.verify_cli import main as verify

        return verify(argv[1:])
    args = parse_args(argv)
    if args.smoke:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    log_file = logging_setup.setup(args.verbose)
    config = app_config.load(
        {"server_url": args.server, "token_dir": args.token_dir, "language": args.lang, "trust_anchors": args.trust_anchors, "pkcs11_module": args.pkcs11_module}
    )
    log.info("xietong %s starting; settings %s from %s; log %s", __version__, config, dict(config.sources), log_file)

    # Imported here so that --version and --help answer without loading Qt's widgets.
    from ui import appearance, smoke
    from ui.client_controller import ClientController

    app = QApplication(sys.argv[:1])
    app.setApplicationName("Xietong")
    app.setApplicationVersion(__version__)
    problems = appearance.apply(app, config.language)
    if args.smoke:
        return smoke.run(app, config, problems)
    controller = ClientController(config)
    controller.start()
    code = app.exec()
    QThreadPool.globalInstance().waitForDone()  # a sign-in still running must not outlive the app
    return code


if __name__ == "__main__":
    sys.exit(main())

"""The PyInstaller bundle: it starts headless, finds its resources and migrations, and carries
the client only (no server, no test tools)."""

from pathlib import Path

from tests.packaging.helpers import ROOT, run_smoke

SERVER_OR_TEST_ONLY = ("sync.server", "fastapi", "starlette", "uvicorn", "psycopg", "pydantic_settings", "pytest", "_pytest", "hypothesis", "httpx")


def test_the_bundled_program_passes_its_smoke_check(dist, tmp_path):
    done = run_smoke(dist.program, tmp_path, "--smoke")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "ok" in done.stdout


def test_the_bundled_program_says_its_version(dist, tmp_path, version):
    done = run_smoke(dist.program, tmp_path, "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"xietong {version}"


def test_resources_are_beside_the_program_where_the_ui_looks(dist):
    resources = dist.bundle / "_internal" / "resources"  # sys._MEIPASS / "resources" (ui/resources_path.py)
    assert (resources / "style.qss").is_file()
    assert {p.name for p in (resources / "icons").glob("*.svg")} >= {"app.svg", "todo.svg", "notices.svg"}
    sources = {p.stem for p in (ROOT / "resources" / "translations").glob("*.ts")}
    assert sources and {p.stem for p in (resources / "translations").glob("*.qm")} == sources
    assert not list(resources.rglob("*.ts")), "translation sources are not needed at run time"


def test_the_cache_migrations_ship_as_files_for_alembic(dist):
    shipped = dist.bundle / "_internal" / "app" / "store" / "migrations"
    source = ROOT / "app" / "store" / "migrations"
    assert (shipped / "env.py").is_file()
    assert {p.name for p in (shipped / "versions").glob("*.py")} == {p.name for p in (source / "versions").glob("*.py")}


def test_server_and_test_packages_stay_out_of_the_bundle(dist):
    from PyInstaller.archive.readers import CArchiveReader  # the `dist` extra

    modules = set(CArchiveReader(str(dist.program)).open_embedded_archive("PYZ.pyz").toc)
    assert "ui.main" in modules and "sync.client.engine" in modules
    leaked = sorted(m for m in modules if m.startswith(SERVER_OR_TEST_ONLY))
    assert not leaked, f"server or test code in the client bundle: {leaked[:20]}"
    folders = {p.name for p in (dist.bundle / "_internal").iterdir()}
    assert not folders & {"fastapi", "uvicorn", "psycopg", "psycopg_binary", "starlette", "pytest"}


def test_only_the_client_languages_of_qt_are_shipped(dist):
    qt_translations = list(Path(dist.bundle, "_internal", "PySide6", "Qt", "translations").glob("*.qm"))
    assert any(p.name == "qtbase_zh_CN.qm" for p in qt_translations)  # standard buttons in Chinese
    assert all(p.stem.endswith(("_zh_CN", "_en")) for p in qt_translations)

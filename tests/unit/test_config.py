from app import config


def write_policy(tmp_path, url):
    path = tmp_path / "policy.ini"
    path.write_text(f"[policy]\nserver_url = {url}\n", encoding="utf-8")
    return path


def test_default_when_nothing_is_set(tmp_path):
    cfg = config.load({}, policy_file=tmp_path / "absent.ini")
    assert cfg.server_url == config.DEFAULTS["server_url"]
    assert cfg.sources["server_url"] == "default"


def test_machine_policy_beats_default(tmp_path):
    cfg = config.load({}, policy_file=write_policy(tmp_path, "https://oa.nantong.gov/"))
    assert cfg.server_url == "https://oa.nantong.gov"
    assert cfg.sources["server_url"] == "machine policy"


def test_user_setting_beats_policy(tmp_path):
    config.save_user_setting("server_url", "https://user.example")
    cfg = config.load({}, policy_file=write_policy(tmp_path, "https://policy.example"))
    assert (cfg.server_url, cfg.sources["server_url"]) == ("https://user.example", "user settings")


def test_command_line_beats_everything(tmp_path):
    config.save_user_setting("server_url", "https://user.example")
    cfg = config.load({"server_url": "http://127.0.0.1:9"}, policy_file=write_policy(tmp_path, "https://policy.example"))
    assert (cfg.server_url, cfg.sources["server_url"]) == ("http://127.0.0.1:9", "command line")


def test_a_broken_settings_file_falls_through(tmp_path):
    config.user_settings_file().parent.mkdir(parents=True, exist_ok=True)
    config.user_settings_file().write_bytes(b"\xff\xfe not ini [[[")
    cfg = config.load({}, policy_file=write_policy(tmp_path, "https://policy.example"))
    assert cfg.server_url == "https://policy.example"

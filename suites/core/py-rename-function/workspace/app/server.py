from app.config import get_cfg


def address(path=None):
    cfg = get_cfg(path)
    return f"{cfg['host']}:{cfg['port']}"

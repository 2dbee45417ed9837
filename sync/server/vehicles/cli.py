"""`xietong-server admin vehicle add|status` and `admin driver add`: a unit's fleet (公务车辆) and
drivers, kept by IT for the vehicle manager; each change reaches the unit's clients by the next pull."""

import argparse
from collections.abc import Callable

from sqlalchemy.orm import Session

from app.domain.vehicles import IN_SERVICE, VEHICLE_STATES
from sync.server.config import Settings
from sync.server.database import open_database
from sync.server.directory.models import PersonModel, UnitModel
from sync.server.vehicles import service
from sync.server.vehicles.models import DriverModel, VehicleModel


class SetupRefused(Exception):
    """What the administrator asked cannot be done; the message says why."""


def add_commands(admin: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    top = admin.add_parser("vehicle", help="车辆管理：登记车辆、修改车辆状态")
    sub = top.add_subparsers(required=True, metavar="ACTION")
    p = sub.add_parser("add", parents=[common], help="登记本单位的一辆公务车")
    p.add_argument("vehicle_id", help="车辆编号，如 u01-v3")
    p.add_argument("--unit", required=True, help="单位编号")
    p.add_argument("--plate", required=True, help="车牌号，如 苏F·00103")
    p.add_argument("--seats", type=int, required=True, help="座位数（含驾驶员以外的乘客座位）")
    p.add_argument("--kind", required=True, help="车型，如 轿车、商务车")
    p.set_defaults(command=_add_vehicle)
    p = sub.add_parser("status", parents=[common], help=f"修改车辆状态（{'、'.join(VEHICLE_STATES)}）")
    p.add_argument("vehicle_id")
    p.add_argument("status", choices=VEHICLE_STATES)
    p.set_defaults(command=_set_status)

    top = admin.add_parser("driver", help="驾驶员管理：登记驾驶员")
    sub = top.add_subparsers(required=True, metavar="ACTION")
    p = sub.add_parser("add", parents=[common], help="登记本单位的一名驾驶员")
    p.add_argument("driver_id", help="驾驶员编号，如 u01-k3")
    p.add_argument("--unit", required=True, help="单位编号")
    p.add_argument("--name", required=True)
    p.add_argument("--phone", required=True)
    p.add_argument("--person", help="驾驶员本人在通讯录中的人员编号：本人登录后可登记出车、回车里程")
    p.set_defaults(command=_add_driver)


def _add_vehicle(settings: Settings, args: argparse.Namespace) -> int:
    def act(s: Session) -> str:
        _check_unit(s, args.unit)
        if args.seats < 1 or s.get(VehicleModel, args.vehicle_id) is not None:
            raise SetupRefused("座位数至少为 1，车辆编号不能重复。")
        service.add_fleet(s, [VehicleModel(id=args.vehicle_id, unit_id=args.unit, plate=args.plate, seats=args.seats, kind=args.kind, status=IN_SERVICE)], [])
        return f"已登记车辆 {args.plate}（{args.vehicle_id}）。"

    return _run(settings, act)


def _set_status(settings: Settings, args: argparse.Namespace) -> int:
    def act(s: Session) -> str:
        car = s.get(VehicleModel, args.vehicle_id)
        if car is None:
            raise SetupRefused(f"没有编号为 {args.vehicle_id} 的车辆。")
        service.set_status(s, car, args.status)
        return f"车辆 {car.plate} 的状态已改为“{car.status}”。"

    return _run(settings, act)


def _add_driver(settings: Settings, args: argparse.Namespace) -> int:
    def act(s: Session) -> str:
        _check_unit(s, args.unit)
        if s.get(DriverModel, args.driver_id) is not None:
            raise SetupRefused("驾驶员编号不能重复。")
        if args.person and s.get(PersonModel, args.person) is None:
            raise SetupRefused(f"通讯录中没有人员 {args.person}。")
        service.add_fleet(s, [], [DriverModel(id=args.driver_id, unit_id=args.unit, name=args.name, phone=args.phone, person_id=args.person)])
        return f"已登记驾驶员 {args.name}（{args.driver_id}）。"

    return _run(settings, act)


def _check_unit(s: Session, unit_id: str) -> None:
    if s.get(UnitModel, unit_id) is None:
        raise SetupRefused(f"没有编号为 {unit_id} 的单位。")


def _run(settings: Settings, act: Callable[[Session], str]) -> int:
    db = open_database(settings.database_url)
    try:
        with db.sessions.begin() as s:
            said = act(s)
    except SetupRefused as refused:
        print(refused)
        return 1
    finally:
        db.close()
    print(said)
    return 0

"""The monthly 用车 report written to a file: .xlsx (openpyxl) for the office, .csv (UTF-8 with a
byte-order mark, so Excel on Chinese Windows reads it) for anything else."""

import csv
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from app.domain.vehicles import MonthlyReport

VEHICLE_HEADER = ("车牌号", "出车次数", "行驶里程（公里）")
DEPARTMENT_HEADER = ("处室", "用车次数")


def write_xlsx(report: MonthlyReport, path: Path) -> None:
    book = Workbook()
    vehicles = book.active
    vehicles.title = "车辆里程"
    _sheet(vehicles, f"{report.month} 车辆里程统计", VEHICLE_HEADER, report.by_vehicle)
    _sheet(book.create_sheet("处室用车"), f"{report.month} 各处室用车统计", DEPARTMENT_HEADER, report.by_department)
    book.save(path)


def write_csv(report: MonthlyReport, path: Path) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow([f"{report.month} 车辆里程统计"])
        out.writerow(VEHICLE_HEADER)
        out.writerows(report.by_vehicle)
        out.writerow([])
        out.writerow([f"{report.month} 各处室用车统计"])
        out.writerow(DEPARTMENT_HEADER)
        out.writerows(report.by_department)


def _sheet(sheet, title: str, header: tuple[str, ...], rows: list[tuple]) -> None:
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(list(header))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
    for column, width in zip("ABC", (16, 12, 18), strict=False):
        sheet.column_dimensions[column].width = width

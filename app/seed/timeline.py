"""Business time for generated data: working days, office hours, fixed reference date.

Times are integers counting *business seconds*: 32,400 a day (09:00-18:00 Beijing,
01:00-10:00 UTC), weekdays only, day 0 being the reference day. The mapping to a
wire timestamp is monotonic, so events generated in increasing business seconds
stay in order as text, and formatting is two table look-ups instead of a strftime
per row. The data's "now" is the end of the reference day's office hours.
"""
from __future__ import annotations

import datetime as dt

DAY = 9 * 3600          # business seconds in a working day
OPEN_HOUR_UTC = 1       # 09:00 in Beijing
HOUR = 3600


class Timeline:
    """Working days from `past_days` before the reference day to `future_days` after it."""

    def __init__(self, reference: dt.date, *, past_days: int = 1500, future_days: int = 400):
        self.reference = reference
        today = reference
        while today.weekday() >= 5:  # a weekend reference counts from the Friday before
            today -= dt.timedelta(days=1)
        days = []
        d = today
        while len(days) < past_days:
            d -= dt.timedelta(days=1)
            if d.weekday() < 5:
                days.append(d.isoformat())
        days.reverse()
        self.first = -past_days
        d = today
        days.append(d.isoformat())
        while len(days) < past_days + 1 + future_days:
            d += dt.timedelta(days=1)
            if d.weekday() < 5:
                days.append(d.isoformat())
        self._days = days
        self._offset = past_days
        self._clock = [f"T{OPEN_HOUR_UTC + s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}Z" for s in range(DAY)]
        self.now = DAY - 1
        self.earliest = -past_days * DAY
        self.latest = (future_days + 1) * DAY - 1

    def timestamp(self, b: int) -> str:
        """The wire timestamp (`YYYY-MM-DDTHH:MM:SSZ`) of business second `b`."""
        day, second = divmod(b, DAY)
        return self._days[day + self._offset] + self._clock[second]

    def date(self, b: int) -> str:
        """The wire date (`YYYY-MM-DD`) of business second `b`."""
        return self._days[b // DAY + self._offset]

    def clamp(self, b: int) -> int:
        return self.earliest if b < self.earliest else self.latest if b > self.latest else b

# time's calendar functions: struct_time, gmtime/localtime/mktime under fixed zones,
# strftime/strptime/asctime/ctime, and CPython's errors for bad arguments.
import os
import time

os.environ['TZ'] = 'UTC'
time.tzset()
print(time.timezone, time.altzone, time.daylight, time.tzname)
g = time.gmtime(0)
print(g, g.tm_zone, g.tm_gmtoff)
print(time.gmtime(1e9), time.gmtime(-1.5))
print(isinstance(g, tuple), type(g).__name__, g[:3], g[-1], len(g))
print(time.struct_time.n_fields, time.struct_time.n_sequence_fields, time.struct_time.n_unnamed_fields)
t = time.struct_time(tuple(range(11)))
print(t, t.tm_zone, t.tm_gmtoff)
t = time.struct_time(tuple(range(9)))
print(t.tm_zone, t.tm_gmtoff, t.tm_year, t.tm_isdst)
print(time.asctime(g), time.ctime(86400 * 365))
print(time.strftime('%a %b %d %H:%M:%S %Y %Z %j %%', g))
print(repr(time.strftime('', g)))

os.environ['TZ'] = 'America/New_York'
time.tzset()
print(time.timezone, time.altzone, time.daylight, time.tzname)
lt = time.localtime(1700000000)
print(lt, lt.tm_zone, lt.tm_gmtoff)
summer = time.localtime(1690000000)
print(summer.tm_isdst, summer.tm_zone, summer.tm_gmtoff)
print(time.mktime(lt), time.mktime(summer), time.ctime(1700000000), time.asctime(lt))
print(time.strftime('%Y-%m-%d %H:%M:%S %Z %z %A %B', lt))
print(time.mktime((2023, 11, 14, 17, 13, 20, 0, 0, -1)))

os.environ['TZ'] = 'Australia/Sydney'
time.tzset()
print(time.timezone, time.altzone, time.daylight, time.tzname)

print(time.strptime('2023-11-14 12:30', '%Y-%m-%d %H:%M'))
print(time.strptime('Tue Nov 14 17:13:20 2023'))
try:
    time.strptime('2023', '%d')
except ValueError as e:
    print('ValueError', e)

cases = [
    (time.mktime, ((1, 2, 3),)),
    (time.strftime, ('%Y', (1, 2))),
    (time.asctime, ((1, 2),)),
    (time.mktime, ((1.5, 2, 3, 4, 5, 6, 7, 8, 9),)),
    (time.mktime, ('abc',)),
    (time.localtime, ('x',)),
    (time.localtime, (float('nan'),)),
    (time.localtime, (1e300,)),
    (time.gmtime, (2 ** 70,)),
    (time.struct_time, ((1, 2),)),
    (time.struct_time, (tuple(range(12)),)),
    (time.strftime, ('%Y', (2020, 13, 1, 0, 0, 0, 0, 1, 0))),
    (time.strftime, ('%Y', (2020, 1, 32, 0, 0, 0, 0, 1, 0))),
    (time.strftime, ('%Y', (2020, 1, 1, 24, 0, 0, 0, 1, 0))),
    (time.strftime, ('%Y', (2020, 1, 1, 0, 0, 0, 0, 367, 0))),
    (time.strftime, (b'x',)),
    (time.mktime, ((2020, 'a', 1, 0, 0, 0, 0, 1, 0),)),
    (time.localtime, (1, 2)),
    (time.get_clock_info, ('nope',)),
]
for f, a in cases:
    try:
        print(f(*a))
    except Exception as e:
        print(f.__name__, type(e).__name__, e)

print(time.strftime('%Y', (2020, 0, 0, 0, 0, 0, 0, 0, 0)))
info = time.get_clock_info('monotonic')
print(info.monotonic, info.adjustable)
print(type(time.process_time()).__name__, type(time.thread_time_ns()).__name__, time.monotonic_ns() > 0)
print(time.clock_gettime(time.CLOCK_REALTIME) > 1e9, time._STRUCT_TM_ITEMS)

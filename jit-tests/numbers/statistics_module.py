# statistics: exact means/variances via fractions, medians, modes, quantiles, errors.
import statistics as st
from fractions import Fraction
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.mean([1, 2, 3, 4]), st.mean([1.5, 2.5, 3.5]), st.mean([Fraction(1, 3), Fraction(2, 3)]), st.mean([1, 2.5]), st.mean([True, False, True]))
print(st.median(data), st.median([3, 1, 2]), st.median_low(data), st.median_high(data), st.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]))
print(st.mode([1, 1, 2, 3, 3]), st.mode("aabbbcc"), st.multimode("aabbcc"), st.multimode([]))
print(st.pstdev(data), st.stdev(data), st.variance(data), st.pvariance(data), st.variance([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.stdev([0.1, 0.2, 0.3]))
print(st.variance([Fraction(1, 4), Fraction(5, 4), Fraction(1, 2)]), st.pvariance([1, 2, 3, 4], mu=2.5), st.stdev([1, 2, 3, 4, 5], xbar=3))
print(st.fmean([3.5, 4.0, 5.25]), st.fmean([1, 2, 3], weights=[1, 1, 2]), st.geometric_mean([54, 24, 36]), st.harmonic_mean([40, 60]), st.harmonic_mean([2.5, 3, 10]))
print(st.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), st.quantiles(range(100), n=10, method="inclusive"), st.quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104], n=10))
show(lambda: st.mean([]))
show(lambda: st.stdev([1]))
show(lambda: st.median([]))
show(lambda: st.mode([]))
show(lambda: st.mean(["a"]))
print(isinstance(st.StatisticsError(), ValueError), st.mean(range(1, 101)), st.stdev(range(1000)), st.pstdev([1e10 + 1, 1e10 + 2, 1e10 + 3]))

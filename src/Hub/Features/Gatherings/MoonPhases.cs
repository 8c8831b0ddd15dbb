namespace Microsolidarity.Hub.Features.Gatherings;

public enum MoonPhase
{
    New,
    Full,
}

/// <summary>
/// New and full moons by Jean Meeus, Astronomical Algorithms (2nd ed.), chapter 49: the mean phase,
/// the periodic terms in the Sun's and Moon's anomalies and the Moon's argument of latitude, and the
/// fourteen planetary terms. Meeus gives the result in Dynamical Time; ΔT (Espenak and Meeus' polynomial
/// for 2005–2050) turns it into UTC. Accurate to well under a minute in this century.
/// </summary>
public static class MoonPhases
{
    private const double Rad = Math.PI / 180;

    /// <summary>The phases whose instant falls in [fromUtc, toUtc), in order.</summary>
    public static IEnumerable<(MoonPhase Phase, DateTime Utc)> Between(DateTime fromUtc, DateTime toUtc)
    {
        var year = fromUtc.Year + (fromUtc.DayOfYear - 1) / 365.25;
        var k = Math.Floor((year - 2000) * 12.3685) - 1;
        while (true)
        {
            foreach (var phase in new[] { MoonPhase.New, MoonPhase.Full })
            {
                var utc = Instant(k + (phase == MoonPhase.Full ? 0.5 : 0));
                if (utc >= toUtc)
                {
                    yield break;
                }
                if (utc >= fromUtc)
                {
                    yield return (phase, utc);
                }
            }
            k++;
        }
    }

    /// <summary>Meeus' k: integer for a new moon, +0.5 for a full moon; 0 is the new moon of 6 January 2000.</summary>
    public static DateTime Instant(double k) => FromJulianDay(JulianEphemerisDay(k) - DeltaTSeconds(2000 + k / 12.3685) / 86400);

    public static double JulianEphemerisDay(double k)
    {
        var t = k / 1236.85;
        var (t2, t3, t4) = (t * t, t * t * t, t * t * t * t);
        var jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
        var e = 1 - 0.002516 * t - 0.0000074 * t2;
        var m = (2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3) * Rad;
        var mp = (201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4) * Rad;
        var f = (160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4) * Rad;
        var omega = (124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3) * Rad;
        var full = Math.Abs(k - Math.Floor(k) - 0.5) < 0.01;
        double s(double x) => Math.Sin(x);
        var correction = full
            ? -0.40614 * s(mp) + 0.17302 * e * s(m) + 0.01614 * s(2 * mp) + 0.01043 * s(2 * f) + 0.00734 * e * s(mp - m)
              - 0.00515 * e * s(mp + m) + 0.00209 * e * e * s(2 * m)
            : -0.40720 * s(mp) + 0.17241 * e * s(m) + 0.01608 * s(2 * mp) + 0.01039 * s(2 * f) + 0.00739 * e * s(mp - m)
              - 0.00514 * e * s(mp + m) + 0.00208 * e * e * s(2 * m);
        correction += -0.00111 * s(mp - 2 * f) - 0.00057 * s(mp + 2 * f) + 0.00056 * e * s(2 * mp + m) - 0.00042 * s(3 * mp)
            + 0.00042 * e * s(m + 2 * f) + 0.00038 * e * s(m - 2 * f) - 0.00024 * e * s(2 * mp - m) - 0.00017 * s(omega)
            - 0.00007 * s(mp + 2 * m) + 0.00004 * s(2 * mp - 2 * f) + 0.00004 * s(3 * m) + 0.00003 * s(mp + m - 2 * f)
            + 0.00003 * s(2 * mp + 2 * f) - 0.00003 * s(mp + m + 2 * f) + 0.00003 * s(mp - m + 2 * f) - 0.00002 * s(mp - m - 2 * f)
            - 0.00002 * s(3 * mp + m) + 0.00002 * s(4 * mp);
        // The planetary arguments (Meeus table 49.B), the same for every phase.
        double[] a =
        [
            299.77 + 0.107408 * k - 0.009173 * t2, 251.88 + 0.016321 * k, 251.83 + 26.651886 * k, 349.42 + 36.412478 * k,
            84.66 + 18.206239 * k, 141.74 + 53.303771 * k, 207.14 + 2.453732 * k, 154.84 + 7.306860 * k, 34.52 + 27.261239 * k,
            207.19 + 0.121824 * k, 291.34 + 1.844379 * k, 161.72 + 24.198154 * k, 239.56 + 25.513099 * k, 331.55 + 3.592518 * k,
        ];
        double[] c = [0.000325, 0.000165, 0.000164, 0.000126, 0.000110, 0.000062, 0.000060, 0.000056, 0.000047, 0.000042, 0.000040, 0.000037, 0.000035, 0.000023];
        for (var i = 0; i < a.Length; i++)
        {
            correction += c[i] * s(a[i] * Rad);
        }
        return jde + correction;
    }

    /// <summary>ΔT = TT − UT in seconds, Espenak and Meeus' polynomial for 2005–2050.</summary>
    public static double DeltaTSeconds(double year)
    {
        var t = year - 2000;
        return 62.92 + 0.32217 * t + 0.005589 * t * t;
    }

    public static DateTime FromJulianDay(double jd) =>
        new DateTime(2000, 1, 1, 12, 0, 0, DateTimeKind.Utc).AddTicks((long)Math.Round((jd - 2451545.0) * TimeSpan.TicksPerDay));
}

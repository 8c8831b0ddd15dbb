using System.Globalization;
using Microsoft.Extensions.Options;

namespace Microsolidarity.Hub.Platform.Configuration;

/// <summary>
/// Every interval of the background work is one <see cref="TimeSpan"/> setting, written hh:mm:ss (or
/// d.hh:mm:ss). Some were once whole numbers of milliseconds, seconds or minutes under another key; such an
/// older key is still read when the new one is not set (docs/self-hosting.md lists them).
/// </summary>
public static class IntervalSettings
{
    /// <summary>
    /// Refuses a <paramref name="key"/> that is not a time span, saying how to write one. Call it before
    /// <c>Bind</c>: it must speak before the binder fails on the same text. The options' own validation then
    /// checks the value's range like any other.
    /// </summary>
    public static OptionsBuilder<TOptions> ReadInterval<TOptions>(this OptionsBuilder<TOptions> options, IConfiguration configuration,
        string key) where TOptions : class =>
        options.Configure(_ => CheckWritten(options.Name, typeof(TOptions), configuration, key));

    /// <summary>
    /// As <see cref="ReadInterval{TOptions}(OptionsBuilder{TOptions}, IConfiguration, string)"/>; besides, when
    /// <paramref name="key"/> is not set and <paramref name="olderKey"/> is, sets the interval to that many
    /// <paramref name="olderUnit"/>s.
    /// </summary>
    public static OptionsBuilder<TOptions> ReadInterval<TOptions>(this OptionsBuilder<TOptions> options, IConfiguration configuration,
        string key, string olderKey, TimeSpan olderUnit, Action<TOptions, TimeSpan> set) where TOptions : class =>
        options.Configure(o =>
        {
            if (CheckWritten(options.Name, typeof(TOptions), configuration, key) || configuration[olderKey] is not { } text)
            {
                return;
            }
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var count)
                || !(Math.Abs(count * olderUnit.TotalDays) <= 3650))
            {
                throw new OptionsValidationException(options.Name, typeof(TOptions),
                [
                    $"{olderKey} is read only while {key} is not set, and must be a number of {UnitName(olderUnit)}; " +
                    $"it is \"{text}\". Better: remove it and set {key}, written hh:mm:ss (00:10:00 is ten minutes).",
                ]);
            }
            set(o, TimeSpan.FromMilliseconds(count * olderUnit.TotalMilliseconds));
        });

    /// <summary>Whether <paramref name="key"/> is set; throws when it is set to something that is not a time span.</summary>
    private static bool CheckWritten(string? name, Type type, IConfiguration configuration, string key)
    {
        if (configuration[key] is not { } written)
        {
            return false;
        }
        if (!TimeSpan.TryParse(written, CultureInfo.InvariantCulture, out _))
        {
            throw new OptionsValidationException(name ?? Options.DefaultName, type,
                [$"{key} must be written hh:mm:ss, or d.hh:mm:ss for days (00:10:00 is ten minutes, 1.00:00:00 a day); it is \"{written}\"."]);
        }
        return true;
    }

    private static string UnitName(TimeSpan unit) =>
        unit == TimeSpan.FromMilliseconds(1) ? "milliseconds"
        : unit == TimeSpan.FromSeconds(1) ? "seconds"
        : unit == TimeSpan.FromMinutes(1) ? "minutes"
        : $"times {unit:c}";
}

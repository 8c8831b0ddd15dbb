using Microsoft.Extensions.Localization;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// The one list of time zones every zone field offers, and the one check every saved zone passes:
/// IANA names from NodaTime's copy of the tz database, so the server, the calendar files and the
/// list agree whatever the operating system ships. Each choice shows its current offset and the
/// places people know it by, because few people know their zone's name but everyone knows their city.
/// It is also the one rule for turning a wall-clock time into an instant (<see cref="At"/>): every
/// feature (crews' meetings, gatherings, finding a time, formation rounds, digests, reminders) goes
/// through it, so daylight saving is decided in one place.
/// </summary>
public static class TimeZones
{
    public sealed record Choice(string Id, string Offset, string Places)
    {
        /// <summary>"UTC+00:00 — Lisbon, Porto (Portugal)": the option's label beside its value.</summary>
        public string Label => $"{Offset} — {Places}";

        /// <summary>"Europe/Lisbon — UTC+00:00 — Lisbon, Porto (Portugal)".</summary>
        public string Description => $"{Id} — {Label}";
    }

    public const string Utc = "Etc/UTC";

    /// <summary>What a field says when a zone is refused: the name typed, and what to do instead.</summary>
    public static string Refusal(IStringLocalizer strings, string? typed) => string.IsNullOrWhiteSpace(typed)
        ? strings["Shared.Zone.Refused.Empty"]
        : strings["Shared.Zone.Refused.Unknown", typed.Trim()];

    private static readonly Dictionary<string, string> IdsIgnoringCase =
        DateTimeZoneProviders.Tzdb.Ids.ToDictionary(id => id, id => id, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A zone by its IANA name, in any letter case; also when the whole label of a choice was pasted
    /// ("Europe/Lisbon — UTC+00:00 — Lisbon"). Null for anything else, Windows names included.
    /// </summary>
    public static DateTimeZone? Find(string? typed)
    {
        var id = typed?.Trim().Split(' ', 2)[0];
        return string.IsNullOrEmpty(id) || !IdsIgnoringCase.TryGetValue(id, out var canonical)
            ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(canonical);
    }

    /// <summary>A stored zone, or UTC when it names none (an old row, a profile without a zone).</summary>
    public static DateTimeZone FindOrUtc(string? id) => Find(id) ?? DateTimeZone.Utc;

    /// <summary>
    /// A wall-clock time in a zone, as the hub reads it everywhere. A time the clocks skip moves on by the
    /// length of the gap (02:30 on a spring-forward night where 02:00 becomes 03:00 is 03:30; on Lord Howe
    /// Island, whose clocks move half an hour, 02:15 is 02:45); a time that happens twice is the first of
    /// the two, still on summer time (01:30 on the night Lisbon falls back is 00:30 UTC). That is NodaTime's
    /// lenient resolver, and what RFC 5545 asks of calendar programs, so the hub and every calendar agree.
    /// </summary>
    public static ZonedDateTime At(LocalDateTime local, DateTimeZone zone) => local.InZoneLeniently(zone);

    /// <summary>
    /// True when the wall-clock time happens twice in the zone (the hour the clocks go back). Calendar programs do
    /// not agree on which of the two such a time means (Mozilla's ical.js takes the second, where RFC 5545 and the
    /// hub take the first), so a calendar file writes these instants in UTC.
    /// </summary>
    public static bool IsRepeated(LocalDateTime local, DateTimeZone zone) => zone.MapLocal(local).Count > 1;

    /// <summary>The instant of a wall-clock time (see <see cref="At"/>), as a UTC <see cref="DateTime"/>.</summary>
    public static DateTime ToUtc(LocalDateTime local, DateTimeZone zone) => At(local, zone).ToDateTimeUtc();

    /// <summary>The wall-clock time of a UTC instant in a zone.</summary>
    public static LocalDateTime ToLocal(DateTime utc, DateTimeZone zone) =>
        Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(zone).LocalDateTime;

    /// <summary>The zone's name as the hub stores it, or null when it is no zone.</summary>
    public static string? Normalize(string? typed) => Find(typed)?.Id;

    private static readonly OffsetPattern OffsetText = OffsetPattern.CreateWithInvariantCulture("+HH:mm");

    /// <summary>
    /// The hour of a weekly grid (0–167, Monday 00:00 first) an instant falls on in a zone: how every availability
    /// grid, kept in its owner's local hours, is read at a real moment.
    /// </summary>
    public static int WeekHour(Instant instant, DateTimeZone zone)
    {
        var local = instant.InZone(zone).LocalDateTime;
        return ((int)local.DayOfWeek - 1) * 24 + local.Hour;
    }

    /// <summary>"UTC+05:30" at the given instant.</summary>
    public static string OffsetAt(DateTimeZone zone, Instant at) => "UTC" + OffsetText.Format(zone.GetUtcOffset(at));

    private sealed record Built(long Hour, IReadOnlyList<Choice> List);

    private static Built cached = new(-1, []); // replaced whole, so a reader never sees half of it

    /// <summary>
    /// Every zone people live in (the tz database's zone.tab, one row per country and zone) and UTC,
    /// sorted by name, with offsets as they are now. Offsets change only on the hour, so the list is
    /// built once an hour.
    /// </summary>
    public static IReadOnlyList<Choice> Choices(Instant now)
    {
        var hour = now.ToUnixTimeSeconds() / 3600;
        var current = cached;
        if (current.Hour != hour)
        {
            cached = current = new Built(hour, Build(now));
        }
        return current.List;
    }

    /// <summary>The choice for one zone (its offset now and its places), for showing a saved zone.</summary>
    public static Choice Describe(string id, Instant now) =>
        Choices(now).FirstOrDefault(c => c.Id == id)
        ?? (Find(id) is { } zone ? new Choice(zone.Id, OffsetAt(zone, now), CityOf(zone.Id)) : new Choice(id, "", id));

    private static List<Choice> Build(Instant now)
    {
        var source = TzdbDateTimeZoneSource.Default;
        var rows = (source.ZoneLocations ?? [])
            .Where(l => DateTimeZoneProviders.Tzdb.GetZoneOrNull(l.ZoneId) is not null)
            .GroupBy(l => l.ZoneId)
            .Select(g =>
            {
                var zone = DateTimeZoneProviders.Tzdb[g.Key];
                var places = new List<string>();
                places.AddRange(BigCities.TryGetValue(g.Key, out var more) ? more : [CityOf(g.Key)]);
                var countries = string.Join(", ", g.Select(l => l.Comment == "" ? l.CountryName : $"{l.CountryName}, {l.Comment}").Distinct());
                return new Choice(g.Key, OffsetAt(zone, now), $"{string.Join(", ", places)} ({countries})");
            })
            .ToList();
        rows.Add(new Choice(Utc, "UTC+00:00", "Coordinated Universal Time, no daylight saving"));
        rows.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return rows;
    }

    /// <summary>"America/Argentina/Buenos_Aires" → "Buenos Aires".</summary>
    public static string CityOf(string id) => id[(id.LastIndexOf('/') + 1)..].Replace('_', ' ');

    /// <summary>
    /// Large cities in zones named after another city, so that typing "Porto" or "Munich" finds the
    /// zone. A short list of the most populous places; every other zone is found by its own city.
    /// </summary>
    private static readonly Dictionary<string, string[]> BigCities = new()
    {
        ["Europe/Lisbon"] = ["Lisbon", "Porto"],
        ["Europe/Madrid"] = ["Madrid", "Barcelona", "Valencia"],
        ["Europe/Berlin"] = ["Berlin", "Hamburg", "Munich", "Cologne"],
        ["Europe/Paris"] = ["Paris", "Lyon", "Marseille"],
        ["Europe/Rome"] = ["Rome", "Milan", "Naples"],
        ["Europe/London"] = ["London", "Manchester", "Edinburgh"],
        ["Europe/Amsterdam"] = ["Amsterdam", "Rotterdam", "Utrecht"],
        ["Europe/Brussels"] = ["Brussels", "Antwerp", "Ghent"],
        ["Europe/Zurich"] = ["Zurich", "Geneva", "Basel"],
        ["Europe/Vienna"] = ["Vienna", "Graz"],
        ["Europe/Warsaw"] = ["Warsaw", "Kraków", "Wrocław"],
        ["Europe/Istanbul"] = ["Istanbul", "Ankara", "Izmir"],
        ["Europe/Moscow"] = ["Moscow", "Saint Petersburg"],
        ["Europe/Kyiv"] = ["Kyiv", "Kharkiv", "Odesa", "Lviv"],
        ["America/New_York"] = ["New York", "Boston", "Washington", "Miami", "Atlanta"],
        ["America/Chicago"] = ["Chicago", "Houston", "Dallas", "Minneapolis"],
        ["America/Denver"] = ["Denver", "Salt Lake City"],
        ["America/Los_Angeles"] = ["Los Angeles", "San Francisco", "Seattle", "Portland"],
        ["America/Phoenix"] = ["Phoenix", "Tucson"],
        ["America/Toronto"] = ["Toronto", "Montreal", "Ottawa"],
        ["America/Vancouver"] = ["Vancouver", "Victoria"],
        ["America/Mexico_City"] = ["Mexico City", "Guadalajara", "Monterrey"],
        ["America/Sao_Paulo"] = ["São Paulo", "Rio de Janeiro", "Brasília", "Belo Horizonte"],
        ["America/Argentina/Buenos_Aires"] = ["Buenos Aires", "Córdoba", "Rosario"],
        ["America/Bogota"] = ["Bogotá", "Medellín", "Cali"],
        ["America/Lima"] = ["Lima", "Arequipa"],
        ["America/Santiago"] = ["Santiago", "Valparaíso"],
        ["Africa/Lagos"] = ["Lagos", "Abuja", "Kinshasa", "Luanda"],
        ["Africa/Cairo"] = ["Cairo", "Alexandria"],
        ["Africa/Johannesburg"] = ["Johannesburg", "Cape Town", "Durban"],
        ["Africa/Nairobi"] = ["Nairobi", "Mombasa"],
        ["Asia/Kolkata"] = ["Mumbai", "Delhi", "Bengaluru", "Kolkata", "Chennai"],
        ["Asia/Shanghai"] = ["Beijing", "Shanghai", "Guangzhou", "Shenzhen"],
        ["Asia/Tokyo"] = ["Tokyo", "Osaka", "Yokohama"],
        ["Asia/Seoul"] = ["Seoul", "Busan"],
        ["Asia/Jakarta"] = ["Jakarta", "Surabaya", "Bandung"],
        ["Asia/Manila"] = ["Manila", "Quezon City", "Cebu"],
        ["Asia/Karachi"] = ["Karachi", "Lahore", "Islamabad"],
        ["Asia/Dhaka"] = ["Dhaka", "Chittagong"],
        ["Asia/Bangkok"] = ["Bangkok", "Hanoi"],
        ["Asia/Dubai"] = ["Dubai", "Abu Dhabi"],
        ["Asia/Tehran"] = ["Tehran", "Mashhad"],
        ["Australia/Sydney"] = ["Sydney", "Canberra"],
        ["Australia/Melbourne"] = ["Melbourne", "Geelong"],
        ["Australia/Brisbane"] = ["Brisbane", "Gold Coast"],
        ["Pacific/Auckland"] = ["Auckland", "Wellington", "Christchurch"],
    };
}

using Microsolidarity.Hub.Data.Formation;
using Microsolidarity.Hub.Features.Crews;
using Microsolidarity.Hub.Features.Gatherings;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;
using NodaTime;

namespace Microsolidarity.Hub.Features.Rounds;

/// <summary>
/// Between the grids people keep in their own zone (168 local hours, Monday first) and the UTC hour slots the
/// search compares. The round's deadline fixes the reference week, because daylight saving moves a local hour
/// against UTC during the year: everyone's hours are compared in the same week.
/// </summary>
public static class RoundSlots
{
    public static IReadOnlySet<int> ToUtc(string grid, DateTimeZone zone, DateTime referenceUtc)
    {
        // Counted as finding a time counts (one way to shift hours): each UTC hour of the reference week is
        // looked up in the member's own zone, so half-hour offsets and daylight saving fall where they fall.
        var counts = AvailabilityOverlap.Counts([new AvailabilityOverlap.Grid("", grid, zone)], DateTimeZone.Utc, MondayOf(referenceUtc));
        return Enumerable.Range(0, 168).Where(slot => counts[slot] > 0).ToHashSet();
    }

    /// <summary>A participant's free hours as the search compares them: UTC slots of the round's reference week.</summary>
    public static IReadOnlySet<int> Of(FormationParticipant participant, FormationRound round) =>
        ToUtc(participant.Availability, TimeZones.FindOrUtc(participant.TimeZone), round.PreferencesDueAt);

    /// <summary>A UTC slot as a local hour of the grid (0 = Monday 00:00 in <paramref name="zone"/>).</summary>
    public static int ToLocal(int utcSlot, DateTimeZone zone, DateTime referenceUtc) =>
        AvailabilityOverlap.IndexIn(MondayOf(referenceUtc).AtMidnight().InUtc().ToInstant().Plus(Duration.FromHours(utcSlot)), zone);

    /// <summary>The Monday (UTC) of the week the reference instant falls in.</summary>
    private static LocalDate MondayOf(DateTime referenceUtc) =>
        LocalDate.FromDateTime(referenceUtc).With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));

    /// <summary>"Tuesday 19:00–21:00, Thursday 18:00–19:00" in the given zone, with the page's day names; runs of hours together.</summary>
    public static IReadOnlyList<string> Describe(IEnumerable<int> utcSlots, DateTimeZone zone, DateTime referenceUtc) =>
        [.. SharedAvailability.Slots([.. utcSlots.Select(s => ToLocal(s, zone, referenceUtc)).Distinct().Order()])
            .Select(s => $"{DateFormats.Culture.DateTimeFormat.GetDayName(s.Day)} {s.StartHour:00}:00–{(s.StartHour + s.Hours) % 24:00}:00")];

    public static IReadOnlyList<int> Parse(string slots) =>
        [.. slots.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse)];

    public static IReadOnlySet<string> Tags(string interests) =>
        interests.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.ToLowerInvariant()).Where(t => t.Length > 0).ToHashSet(StringComparer.Ordinal);
}

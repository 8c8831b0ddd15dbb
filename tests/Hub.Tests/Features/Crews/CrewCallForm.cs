namespace Microsolidarity.Hub.Tests.Features.Crews;

/// <summary>The fields of the open crew call form (<c>/congregations/{slug}/calls</c>, handler <c>Call</c>), filled as a caller would.</summary>
public static class CrewCallForm
{
    public static Dictionary<string, string> Fields(string name = "Thursday case clinic", string purpose = "Peer coaching, one challenge each week.",
        string zone = "Europe/Lisbon", string findATime = "false", string day = "Thursday", string time = "19:00", string size = "4", string? endsOn = null) => new()
        {
            ["Input.Name"] = name,
            ["Input.Purpose"] = purpose,
            ["Input.Kind"] = "PeerSupport",
            ["Input.TimeZone"] = zone,
            ["Input.FindATime"] = findATime,
            ["Input.UsualDay"] = day,
            ["Input.UsualTime"] = time,
            ["Input.Size"] = size,
            ["Input.EndsOn"] = endsOn ?? DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd"),
        };
}

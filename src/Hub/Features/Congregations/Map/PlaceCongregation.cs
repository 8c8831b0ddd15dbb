using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Features.Congregations.Map;

/// <summary>
/// A host puts the congregation on the network map (a city from the list, or a latitude and a
/// longitude as typed), or takes it off. Saving the congregation row is what redraws the map: the
/// shared cache's interceptor drops the drawing when a <c>Congregation</c> is saved.
/// </summary>
public sealed class PlaceCongregation(HubDbContext db)
{
    /// <summary>What the host's form sent: a city's label, or the two numbers as typed (a decimal point or comma).</summary>
    public sealed record Input(string? City, string? Latitude, string? Longitude);

    public async Task<Outcome> RunAsync(CongregationView view, Input input, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost)
        {
            return Outcome.Refused("Only hosts can place the congregation on the map.");
        }
        double? latitude, longitude;
        if (!string.IsNullOrWhiteSpace(input.City))
        {
            var city = Cities.Find(input.City);
            if (city is null)
            {
                return Outcome.Refused("Choose a city from the list, or type the latitude and longitude.", "City");
            }
            (latitude, longitude) = (city.Latitude, city.Longitude);
        }
        else
        {
            var problems = new List<(string, string)>();
            latitude = Read(input.Latitude, 90, "Latitude", "between -90 (the South Pole) and 90 (the North Pole)", problems);
            longitude = Read(input.Longitude, 180, "Longitude", "between -180 and 180 (west is negative)", problems);
            if (problems.Count == 0 && (latitude is null || longitude is null))
            {
                problems.Add(latitude is null ? ("Latitude", "Give the latitude too, or choose a city.") : ("Longitude", "Give the longitude too, or choose a city."));
            }
            if (Outcome.RefusedAll(problems) is { } refused)
            {
                return refused;
            }
        }
        var congregation = await db.Congregations.SingleAsync(c => c.Id == view.Congregation.Id, cancellationToken);
        // Two decimals is about a kilometre: enough for a map of the world, and no more precise than a
        // congregation's public place should be (a host may type their own front door).
        congregation.Latitude = Math.Round(latitude!.Value, 2);
        congregation.Longitude = Math.Round(longitude!.Value, 2);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    public async Task<Outcome> RemoveAsync(CongregationView view, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost)
        {
            return Outcome.Refused("Only hosts can take the congregation off the map.");
        }
        var congregation = await db.Congregations.SingleAsync(c => c.Id == view.Congregation.Id, cancellationToken);
        (congregation.Latitude, congregation.Longitude) = (null, null);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>Null for an empty field; a problem beside the field for anything that is not a number within ±<paramref name="limit"/>.</summary>
    private static double? Read(string? typed, double limit, string field, string range, List<(string, string)> problems)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }
        var text = typed.Trim().Replace('−', '-');
        if (!text.Contains('.') && text.Count(ch => ch == ',') == 1)
        {
            text = text.Replace(',', '.'); // "38,72" as many keyboards write it
        }
        if (!double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
        {
            problems.Add((field, $"Type the {field.ToLowerInvariant()} as a number in degrees, for example {(field == "Latitude" ? "38.72" : "-9.14")}."));
            return null;
        }
        if (Math.Abs(value) > limit)
        {
            problems.Add((field, $"The {field.ToLowerInvariant()} is {range}."));
            return null;
        }
        return value;
    }
}

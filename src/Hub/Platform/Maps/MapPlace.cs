using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Microsolidarity.Hub.Platform.Maps;

/// <summary>
/// A point on the map as a form gives it: a city from <see cref="Cities"/>, or a latitude and a
/// longitude as typed (a decimal point or comma, a typographic minus). Used wherever a place is put on a
/// map: a congregation on the network map, an event in person on its preview.
/// </summary>
public static class MapPlace
{
    /// <summary>What the form sent; field names City, Latitude and Longitude.</summary>
    public sealed record Input(string? City, string? Latitude, string? Longitude)
    {
        public bool IsEmpty => string.IsNullOrWhiteSpace(City) && string.IsNullOrWhiteSpace(Latitude) && string.IsNullOrWhiteSpace(Longitude);
    }

    /// <summary>
    /// The point, rounded to two decimals (about a kilometre: as precise as a public map needs, and no
    /// more precise than anyone's front door should be shown); null with the problems beside their
    /// fields when the input is not one. An empty input is a problem here: callers that allow "no
    /// place" check <see cref="Input.IsEmpty"/> first.
    /// </summary>
    public static (double Latitude, double Longitude)? Read(Input input, List<(string Field, string Message)> problems, IStringLocalizer strings)
    {
        if (!string.IsNullOrWhiteSpace(input.City))
        {
            if (Cities.Find(input.City) is { } city)
            {
                return (city.Latitude, city.Longitude);
            }
            problems.Add(("City", strings["Shared.Place.Refused.City"]));
            return null;
        }
        var before = problems.Count;
        var latitude = Number(input.Latitude, 90, "Latitude", problems, strings);
        var longitude = Number(input.Longitude, 180, "Longitude", problems, strings);
        if (problems.Count == before && (latitude is null || longitude is null))
        {
            problems.Add(latitude is null ? ("Latitude", strings["Shared.Place.Refused.LatitudeToo"]) : ("Longitude", strings["Shared.Place.Refused.LongitudeToo"]));
        }
        return problems.Count == before ? (Math.Round(latitude!.Value, 2), Math.Round(longitude!.Value, 2)) : null;
    }

    /// <summary>Null for an empty field; a problem beside the field for anything that is not a number within ±<paramref name="limit"/>.</summary>
    private static double? Number(string? typed, double limit, string field, List<(string, string)> problems, IStringLocalizer strings)
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
            problems.Add((field, strings[$"Shared.Place.Refused.{field}NotANumber"]));
            return null;
        }
        if (Math.Abs(value) > limit)
        {
            problems.Add((field, strings[$"Shared.Place.Refused.{field}Range"]));
            return null;
        }
        return value;
    }
}

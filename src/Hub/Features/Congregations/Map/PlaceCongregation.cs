using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Platform;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Maps;

namespace Microsolidarity.Hub.Features.Congregations.Map;

/// <summary>
/// A host puts the congregation on the network map (a city from the list, or a latitude and a
/// longitude as typed), or takes it off. Saving the congregation row is what redraws the map: the
/// shared cache's interceptor drops the drawing when a <c>Congregation</c> is saved.
/// </summary>
public sealed class PlaceCongregation(HubDbContext db, IStringLocalizer<Strings> strings)
{
    public async Task<Outcome> RunAsync(CongregationView view, MapPlace.Input input, CancellationToken cancellationToken = default)
    {
        if (!view.IsHost)
        {
            return Outcome.Refused("Only hosts can place the congregation on the map.");
        }
        var problems = new List<(string, string)>();
        if (MapPlace.Read(input, problems, strings) is not { } point)
        {
            return Outcome.RefusedAll(problems)!;
        }
        var congregation = await db.Congregations.SingleAsync(c => c.Id == view.Congregation.Id, cancellationToken);
        (congregation.Latitude, congregation.Longitude) = point;
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
}

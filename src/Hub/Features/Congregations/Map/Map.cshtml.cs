using Microsoft.AspNetCore.OutputCaching;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Congregations.Map;

/// <summary>
/// The network on a world map, with the congregations that meet online beside it. Visitors get the
/// page from the visitors' cache; signed-in people get it rendered around the one shared drawing.
/// </summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class MapModel(ReadNetworkMap read) : HubPageModel
{
    public ReadNetworkMap.Drawing Drawing { get; private set; } = null!;

    public async Task OnGetAsync() => Drawing = await read.RunAsync();
}

using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Features.Congregations.Map;

/// <summary>
/// The network on a world map, with the congregations that meet online beside it. Visitors get the
/// page from the visitors' cache; signed-in people get it rendered around the one shared drawing.
/// </summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed partial class MapModel(ReadNetworkMap read, IStringLocalizer<Strings> t) : HubPageModel
{
    public ReadNetworkMap.Drawing Drawing { get; private set; } = null!;

    /// <summary>The shared drawing with its words in the reader's language.</summary>
    public string Svg { get; private set; } = "";

    public async Task OnGetAsync()
    {
        Drawing = await read.RunAsync();
        var title = System.Net.WebUtility.HtmlEncode(t.Plural("Congregations.Map.Placed", Drawing.Placed));
        Svg = MembersMark().Replace(Drawing.Svg.Replace(ReadNetworkMap.TitleMark, title, StringComparison.Ordinal),
            m => System.Net.WebUtility.HtmlEncode(t.Plural("Congregations.Members", int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))));
    }

    [GeneratedRegex(@"\{members:(\d+)\}")]
    private static partial Regex MembersMark();
}

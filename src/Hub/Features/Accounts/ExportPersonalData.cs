using System.Text.Json;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Platform.Contracts;
using Microsolidarity.Hub.Platform.Localization;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>Gathers everything every feature holds about a person into one JSON document.</summary>
public sealed class ExportPersonalData(IEnumerable<IPersonalData> sources, TimeProvider time, IStringLocalizer<Strings> strings)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<byte[]> RunAsync(HubUser user, CancellationToken cancellationToken)
    {
        var document = new Dictionary<string, object>
        {
            ["exportedAt"] = time.GetUtcNow().UtcDateTime,
            ["about"] = strings["DataExport.About"].Value, // the keys stay as machines read them; the words are the reader's
        };
        foreach (var source in sources)
        {
            document[JsonNamingPolicy.CamelCase.ConvertName(source.Section)] = await source.ExportAsync(user, cancellationToken);
        }
        return JsonSerializer.SerializeToUtf8Bytes(document, Json);
    }
}

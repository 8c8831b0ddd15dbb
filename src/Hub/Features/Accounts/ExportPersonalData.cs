using System.Text.Json;
using Microsolidarity.Hub.Data.Accounts;
using Microsolidarity.Hub.Platform.Contracts;

namespace Microsolidarity.Hub.Features.Accounts;

/// <summary>Gathers everything every feature holds about a person into one JSON document.</summary>
public sealed class ExportPersonalData(IEnumerable<IPersonalData> sources, TimeProvider time)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<byte[]> RunAsync(HubUser user, CancellationToken cancellationToken)
    {
        var document = new Dictionary<string, object>
        {
            ["exportedAt"] = time.GetUtcNow().UtcDateTime,
            ["about"] = "Everything this hub holds about you, by section. Private writing (journal, crew notes) is included only for you.",
        };
        foreach (var source in sources)
        {
            document[JsonNamingPolicy.CamelCase.ConvertName(source.Section)] = await source.ExportAsync(user, cancellationToken);
        }
        return JsonSerializer.SerializeToUtf8Bytes(document, Json);
    }
}

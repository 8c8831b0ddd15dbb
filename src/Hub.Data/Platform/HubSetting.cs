namespace Microsolidarity.Hub.Data.Platform;

/// <summary>A small fact the hub remembers about itself, such as "the first start is done".</summary>
public class HubSetting
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
}

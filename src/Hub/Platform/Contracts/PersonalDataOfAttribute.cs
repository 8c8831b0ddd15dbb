namespace Microsolidarity.Hub.Platform.Contracts;

/// <summary>
/// Names the entities whose rows about the person an <see cref="IPersonalData"/> exports and deletes (or
/// anonymises). The list is checked against the data model by a test, so a new table that holds a
/// person's id cannot be left out of "download my data" and "delete my account".
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PersonalDataOfAttribute(params Type[] entities) : Attribute
{
    public IReadOnlyList<Type> Entities { get; } = entities;
}

using System.Text.Json;
using System.Text.Json.Serialization;
using PartyMode.Engine;
using PartyMode.Engine.Model;
using PartyMode.Engine.Visibility;

namespace PartyMode.Tests.Engine;

/// <summary>The engine's JSON is generated metadata only (the Native AOT binary has no reflection serializer).</summary>
public sealed class EngineJsonTests
{
    private static IEnumerable<Type> EngineEnums() =>
        typeof(EngineJson).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic);

    [TestCaseSource(nameof(EngineEnums))]
    public void Options_EveryEngineEnum_HasAGenericStringConverter(Type type)
    {
        // The generic converter is the AOT-safe one; without it an enum would be written as a number.
        var converters = EngineJson.Options.Converters.Where(c => c.CanConvert(type)).Select(c => c.GetType()).ToList();
        Assert.That(converters.Any(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(JsonStringEnumConverter<>)), Is.True, type.Name);
    }

    [Test]
    public void Options_SeatWithRole_WritesTheRoleAsASnakeCaseString()
    {
        var json = JsonSerializer.Serialize(new PartyMode.Engine.Seats.Seat { Id = "observer", Role = Role.Observer }, EngineJson.Info<PartyMode.Engine.Seats.Seat>());
        Assert.That(json, Does.Contain("\"role\":\"observer\""));
    }

    [Test]
    public void Options_TypeTheContextDoesNotList_IsRefusedNotReflected()
    {
        Assert.That(() => EngineJson.Options.GetTypeInfo(typeof(Dictionary<string, Uri>)), Throws.TypeOf<NotSupportedException>());
    }

    [Test]
    public void Clone_Character_CopiesEveryFieldIndependently()
    {
        var c = new Character { Id = "thorin", Name = "Thorin", Hp = 7, MaxHp = 12 };
        var copy = EngineJson.Clone(c);
        copy.Hp = 1;
        Assert.That((c.Hp, copy.Name, copy.MaxHp), Is.EqualTo((7, "Thorin", 12)));
    }
}

using PartyMode.Engine.Events;
using PartyMode.Engine.Table;
using PartyMode.Engine.Visibility;

namespace PartyMode.Engine.Rolls;

/// <summary>
/// A player's own rolls (docs/protocol.md §7.1): dice or sheet references, advantage, four visibilities,
/// real dice, idempotent <c>client_id</c>, a rate limit of their own, and answers to the DM's requests.
/// </summary>
internal sealed class PlayerRolls(TableState table, GameOptions options, RollRequestBook requests)
{
    private const int MaxLabel = 100;
    private readonly RollRate _rate = new(options.RollRateCount, options.RollRateWindow);

    public RollOutcome Roll(Transaction tx, Viewer viewer, RollInput input)
    {
        if (viewer.Role == Role.Observer)
        {
            throw GameException.Forbidden("observer_cannot_act", "Observers watch the game; only players roll.");
        }

        if (viewer.Role != Role.Player)
        {
            throw GameException.Forbidden("forbidden", "Only player seats roll here; the DM rolls with POST /api/dm/roll.");
        }

        var seat = viewer.SeatId;
        if (table.SeatOf(seat).Kicked)
        {
            throw GameException.Forbidden("seat_kicked", "The DM removed this seat from the game.");
        }

        if (input.ClientId is { } clientId)
        {
            if (clientId.Length is 0 or > 100)
            {
                throw GameException.BadRequest("bad_client_id", "client_id must be 1 to 100 characters.");
            }

            if (table.RollClientIds.TryGetValue((seat, clientId), out var first))
            {
                return new RollOutcome(first, Created: false);
            }
        }

        var request = input.RequestId is null ? null : requests.Answerable(input.RequestId, seat);
        if (request is { AllowPhysical: false } && input.Physical)
        {
            throw GameException.BadRequest("physical_not_allowed", $"The DM asked for a server roll for {request.Id}; roll without 'physical'.");
        }

        var sheet = table.CharacterOf(seat);
        var dice = RollDice.Prepare(request?.Expr ?? input.Expr, request?.Mode ?? input.Mode, sheet);
        var visibility = request?.Visibility ?? RollWords.Visibility(input.Visibility, "public");
        var label = string.IsNullOrWhiteSpace(input.Label) ? dice.Reference.Label : input.Label.Trim();
        if (label is { Length: > MaxLabel })
        {
            throw GameException.BadRequest("too_long", $"'label' has {label.Length} characters; the limit is {MaxLabel}.");
        }

        var (total, rolls) = input.Physical ? Physical(dice, input.Result) : Rolled(dice);
        _rate.Check(seat, tx.Now);

        var e = tx.NewEvent("roll", RollWords.AudienceOf(visibility, seat));
        e.Expr = (request?.Expr ?? input.Expr)!.Trim();
        e.Resolved = dice.Reference.IsReference || dice.Mode != "normal" ? dice.Dice.Text : null;
        e.Total = total;
        e.Rolls = rolls;
        e.Label = label;
        e.By = seat;
        e.Visibility = visibility;
        e.Mode = dice.Mode == "normal" ? null : dice.Mode;
        e.Modifier = dice.Reference.Modifier;
        e.Physical = input.Physical ? true : null;
        e.RequestId = request?.Id;
        e.ClientId = input.ClientId;
        if (input.ClientId is not null)
        {
            table.RollClientIds[(seat, input.ClientId)] = e;
        }

        if (request is not null)
        {
            RollRequestBook.Answered(tx, request, e);
        }

        tx.Notify(new RollStatusNotice(seat, input.ClientId, request?.Id, visibility == RollWords.Blind, visibility == RollWords.Blind ? null : e.Seq));
        return new RollOutcome(e, Created: true);
    }

    private (int Total, List<int> Rolls) Rolled(RollDice dice)
    {
        var result = dice.Dice.Roll(options.Random);
        return (result.Total, [.. result.Rolls]);
    }

    /// <summary>Real dice: a d20 reference takes the face (the server adds the bonus); free dice take the total.</summary>
    private static (int Total, List<int> Rolls) Physical(RollDice dice, int? result)
    {
        if (dice.Reference.IsD20Reference)
        {
            if (result is not (>= 1 and <= 20))
            {
                throw GameException.BadRequest("bad_physical_result", $"'result' must be the d20's face, 1 to 20{(result is null ? "" : $", not {result}")}; the server adds the {dice.Reference.Label ?? "sheet"} bonus.");
            }

            return (result.Value + (dice.Reference.Modifier ?? 0), [result.Value]);
        }

        var (min, max) = (dice.Dice.Min, dice.Dice.Max);
        if (result is null || result < min || result > max)
        {
            throw GameException.BadRequest("bad_physical_result", $"'result' must be the total you read, {min} to {max} for {dice.Dice.Text}{(result is null ? "" : $", not {result}")}.");
        }

        return (result.Value, []);
    }
}

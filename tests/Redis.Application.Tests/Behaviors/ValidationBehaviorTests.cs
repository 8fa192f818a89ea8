using FluentValidation;
using FluentValidation.Results;
using Redis.Application.Behaviors;
using Redis.Application.Commands.Get;
using Redis.Application.Common;
using Redis.Application.Commands.Set;
using Redis.Application.Replies;
using Redis.Application.Tests.TestSupport;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.Behaviors;

public class ValidationBehaviorTests
{
    private static readonly Reply HandlerReply = Reply.Simple("FROM-HANDLER");

    private int _nextCalls;

    [Fact]
    public async Task ReturnsValidatorErrorWithoutCallingNextGivenInvalidCommand()
    {
        var behavior = new ValidationBehavior<SetCommand, Reply>([new SetCommandValidator()]);

        var reply = await behavior.Handle(new SetCommand(new Keyspace(), "k"u8.ToArray(), "v"u8.ToArray(), Ex(0)), Next, CancellationToken.None);

        Assert.Equal("ERR invalid expire time in 'set' command", Binding.ErrorText(reply));
        Assert.Equal(0, _nextCalls);
    }

    [Fact]
    public async Task CallsNextAndReturnsItsReplyGivenValidCommand()
    {
        var behavior = new ValidationBehavior<SetCommand, Reply>([new SetCommandValidator()]);

        var reply = await behavior.Handle(new SetCommand(new Keyspace(), "k"u8.ToArray(), "v"u8.ToArray(), Ex(10)), Next, CancellationToken.None);

        Assert.Equal(HandlerReply, reply);
        Assert.Equal(1, _nextCalls);
    }

    [Fact]
    public async Task CallsNextGivenCommandTypeWithoutValidator()
    {
        var behavior = new ValidationBehavior<GetCommand, Reply>([]);

        var reply = await behavior.Handle(
            new GetCommand(new Keyspace(), "k"u8.ToArray()),
            (_, _) =>
            {
                _nextCalls++;
                return new ValueTask<Reply>(HandlerReply);
            },
            CancellationToken.None);

        Assert.Equal(HandlerReply, reply);
        Assert.Equal(1, _nextCalls);
    }

    [Fact]
    public async Task ReturnsOnlyTheFirstFailureGivenSeveralValidatorsFail()
    {
        var first = new InlineValidator<SetCommand>();
        first.RuleFor(c => c.Key).Must(_ => false).WithMessage("ERR first");
        var second = new InlineValidator<SetCommand>();
        second.RuleFor(c => c.Key).Must(_ => false).WithMessage("ERR second");
        var behavior = new ValidationBehavior<SetCommand, Reply>([first, second]);

        var reply = await behavior.Handle(new SetCommand(new Keyspace(), "k"u8.ToArray(), "v"u8.ToArray(), Ex(10)), Next, CancellationToken.None);

        Assert.Equal("ERR first", Binding.ErrorText(reply));
        Assert.Equal(0, _nextCalls);
    }

    [Fact]
    public async Task DoesNotCallACommandValidatorGivenARequestOutsideWhatItAppliesTo()
    {
        var validator = new CountingValidator();
        var behavior = new ValidationBehavior<SetCommand, Reply>([validator]);

        var reply = await behavior.Handle(new SetCommand(new Keyspace(), "k"u8.ToArray(), "v"u8.ToArray()), Next, CancellationToken.None);

        Assert.Equal(HandlerReply, reply);
        Assert.Equal(1, _nextCalls);
        Assert.Equal(0, validator.Calls);
    }

    [Fact]
    public async Task CallsACommandValidatorGivenARequestItAppliesTo()
    {
        var validator = new CountingValidator();
        var behavior = new ValidationBehavior<SetCommand, Reply>([validator]);

        var reply = await behavior.Handle(new SetCommand(new Keyspace(), "k"u8.ToArray(), "v"u8.ToArray(), Ex(10)), Next, CancellationToken.None);

        Assert.Equal("ERR counted", Binding.ErrorText(reply));
        Assert.Equal(1, validator.Calls);
    }

    [Fact]
    public async Task CallsAPlainValidatorForEveryRequest()
    {
        var failing = new InlineValidator<SetCommand>();
        failing.RuleFor(c => c.Key).Must(_ => false).WithMessage("ERR always");
        var behavior = new ValidationBehavior<SetCommand, Reply>([failing]);

        var reply = await behavior.Handle(new SetCommand(new Keyspace(), "k"u8.ToArray(), "v"u8.ToArray()), Next, CancellationToken.None);

        Assert.Equal("ERR always", Binding.ErrorText(reply));
        Assert.Equal(0, _nextCalls);
    }

    private ValueTask<Reply> Next(SetCommand command, CancellationToken cancellationToken)
    {
        _nextCalls++;
        return new ValueTask<Reply>(HandlerReply);
    }

    private static ExpiryOption Ex(long seconds) => new(ExpiryKind.Seconds, seconds);

    /// <summary>Applies to a SET with a time, fails it, and counts the calls to <c>Validate</c>.</summary>
    private sealed class CountingValidator : CommandValidator<SetCommand>
    {
        public CountingValidator()
            : base(static c => c.Expiry.HasTime)
        {
            RuleFor(c => c.Key).Must(_ => false).WithMessage("ERR counted");
        }

        public int Calls { get; private set; }

        public override ValidationResult Validate(ValidationContext<SetCommand> context)
        {
            Calls++;
            return base.Validate(context);
        }
    }
}

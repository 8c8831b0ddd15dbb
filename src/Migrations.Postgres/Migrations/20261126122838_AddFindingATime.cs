using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Microsolidarity.Hub.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddFindingATime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "PayBy",
                table: "Rsvps",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AnnouncedAt",
                table: "GatheringEvents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "HoursToPay",
                table: "GatheringEvents",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ExpiresAt",
                table: "DiscountCodes",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaxUses",
                table: "DiscountCodes",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Uses",
                table: "DiscountCodes",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "AvailabilityMarks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupKind = table.Column<int>(type: "integer", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Grid = table.Column<string>(type: "character varying(168)", maxLength: 168, nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AvailabilityMarks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FoundTimes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupKind = table.Column<int>(type: "integer", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<int>(type: "integer", nullable: false),
                    Hour = table.Column<int>(type: "integer", nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ConfirmedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FoundTimes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AvailabilityMarks_GroupKind_GroupId_UserId",
                table: "AvailabilityMarks",
                columns: new[] { "GroupKind", "GroupId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FoundTimes_EventId",
                table: "FoundTimes",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_FoundTimes_GroupKind_GroupId",
                table: "FoundTimes",
                columns: new[] { "GroupKind", "GroupId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AvailabilityMarks");

            migrationBuilder.DropTable(
                name: "FoundTimes");

            migrationBuilder.DropColumn(
                name: "PayBy",
                table: "Rsvps");

            migrationBuilder.DropColumn(
                name: "AnnouncedAt",
                table: "GatheringEvents");

            migrationBuilder.DropColumn(
                name: "HoursToPay",
                table: "GatheringEvents");

            migrationBuilder.DropColumn(
                name: "ExpiresAt",
                table: "DiscountCodes");

            migrationBuilder.DropColumn(
                name: "MaxUses",
                table: "DiscountCodes");

            migrationBuilder.DropColumn(
                name: "Uses",
                table: "DiscountCodes");
        }
    }
}

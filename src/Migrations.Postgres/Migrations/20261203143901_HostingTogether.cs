using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Microsolidarity.Hub.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class HostingTogether : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CanHostEvents",
                table: "MembershipLevels",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "MembershipLevels",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Approval",
                table: "GatheringEvents",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ApprovalMessage",
                table: "GatheringEvents",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "MembersEventsGoUpAtOnce",
                table: "Congregations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "EventCoHosts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    InvitedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    InvitedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventCoHosts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EventCoHosts_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EventCoHosts_GatheringEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "GatheringEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EventHostActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EventId = table.Column<Guid>(type: "uuid", nullable: false),
                    ByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    What = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventHostActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EventHostActions_GatheringEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "GatheringEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MembershipOffers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CongregationId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    OfferedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    LevelId = table.Column<Guid>(type: "uuid", nullable: true),
                    Message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MembershipOffers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MembershipOffers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MembershipOffers_Congregations_CongregationId",
                        column: x => x.CongregationId,
                        principalTable: "Congregations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MembershipOffers_MembershipLevels_LevelId",
                        column: x => x.LevelId,
                        principalTable: "MembershipLevels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EventCoHosts_EventId_UserId",
                table: "EventCoHosts",
                columns: new[] { "EventId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EventCoHosts_UserId",
                table: "EventCoHosts",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_EventHostActions_EventId_At",
                table: "EventHostActions",
                columns: new[] { "EventId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_MembershipOffers_CongregationId_Status",
                table: "MembershipOffers",
                columns: new[] { "CongregationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_MembershipOffers_LevelId",
                table: "MembershipOffers",
                column: "LevelId");

            migrationBuilder.CreateIndex(
                name: "IX_MembershipOffers_UserId",
                table: "MembershipOffers",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EventCoHosts");

            migrationBuilder.DropTable(
                name: "EventHostActions");

            migrationBuilder.DropTable(
                name: "MembershipOffers");

            migrationBuilder.DropColumn(
                name: "CanHostEvents",
                table: "MembershipLevels");

            migrationBuilder.DropColumn(
                name: "Description",
                table: "MembershipLevels");

            migrationBuilder.DropColumn(
                name: "Approval",
                table: "GatheringEvents");

            migrationBuilder.DropColumn(
                name: "ApprovalMessage",
                table: "GatheringEvents");

            migrationBuilder.DropColumn(
                name: "MembersEventsGoUpAtOnce",
                table: "Congregations");
        }
    }
}

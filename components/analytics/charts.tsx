"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

// The analytics page's charts (recharts, loaded on this page only). Each sits in a figure whose
// caption names it, and the page shows the same numbers as tables for screen readers.

const AXIS = { fontSize: 12, fill: "currentColor" };

export function DailyChart({ data }: { data: { day: string; messages: number; visitors: number; refused: number }[] }) {
  return (
    <ResponsiveContainer width="100%" height={260}>
      <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
        <XAxis dataKey="day" tick={AXIS} tickFormatter={(day: string) => day.slice(5)} minTickGap={16} />
        <YAxis tick={AXIS} allowDecimals={false} />
        <Tooltip />
        <Legend />
        <Line type="monotone" dataKey="messages" name="Messages" stroke="#4f46e5" strokeWidth={2} dot={false} />
        <Line type="monotone" dataKey="visitors" name="Visitors" stroke="#059669" strokeWidth={2} dot={false} />
        <Line
          type="monotone"
          dataKey="refused"
          name="Refused"
          stroke="#d97706"
          strokeWidth={2}
          dot={false}
          strokeDasharray="4 2"
        />
      </LineChart>
    </ResponsiveContainer>
  );
}

/** The share of answers the bot couldn't give from the owner's content, per day (gaps: no answers). */
export function ShareChart({ data }: { data: { day: string; unansweredShare: number | null }[] }) {
  return (
    <ResponsiveContainer width="100%" height={220}>
      <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} />
        <XAxis dataKey="day" tick={AXIS} tickFormatter={(day: string) => day.slice(5)} minTickGap={16} />
        <YAxis tick={AXIS} domain={[0, 1]} tickFormatter={(share: number) => `${Math.round(share * 100)}%`} />
        <Tooltip formatter={(share) => `${(Number(share) * 100).toFixed(1)}%`} />
        <Line
          type="monotone"
          dataKey="unansweredShare"
          name="Couldn't answer"
          stroke="#d97706"
          strokeWidth={2}
          connectNulls
        />
      </LineChart>
    </ResponsiveContainer>
  );
}

export function BarsChart({ data, name }: { data: { label: string; messages: number }[]; name: string }) {
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid strokeDasharray="3 3" strokeOpacity={0.3} vertical={false} />
        <XAxis dataKey="label" tick={AXIS} interval="preserveStartEnd" />
        <YAxis tick={AXIS} allowDecimals={false} />
        <Tooltip />
        <Bar dataKey="messages" name={name} fill="#4f46e5" radius={[3, 3, 0, 0]} />
      </BarChart>
    </ResponsiveContainer>
  );
}

import { Download } from "lucide-react";
import type { Metadata } from "next";
import {
  ChangeEmailForm,
  ChangePasswordForm,
  DeleteAccountForm,
  SignOutEverywhereForm,
} from "@/components/settings/account-forms";
import { NotificationForm } from "@/components/settings/notification-form";
import { buttonVariants } from "@/components/ui/button-variants";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/server";
import { getNotificationSettings } from "@/lib/notifications/use-cases/settings";

export const metadata: Metadata = { title: "Account settings" };

// The owner's account: email, password, sessions, their data, and deleting it all.
export default async function AccountSettingsPage() {
  const user = await requireUser("/dashboard/settings");
  const notifications = await getNotificationSettings(user);
  return (
    <>
      <Card>
        <CardHeader>
          <CardTitle>Email</CardTitle>
        </CardHeader>
        <CardContent>
          <ChangeEmailForm email={user.email} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Password</CardTitle>
          <CardDescription>Changing it signs out every other browser and access token.</CardDescription>
        </CardHeader>
        <CardContent>
          <ChangePasswordForm />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Notifications</CardTitle>
          <CardDescription>Emails to {user.email}, sent from a queue shortly after the event.</CardDescription>
        </CardHeader>
        <CardContent>
          <NotificationForm settings={notifications} />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Sessions</CardTitle>
          <CardDescription>Sign out of every browser and end every access token, this one included.</CardDescription>
        </CardHeader>
        <CardContent>
          <SignOutEverywhereForm />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Your data</CardTitle>
          <CardDescription>Your profile, chatbots, visitors and every message, as one JSON file.</CardDescription>
        </CardHeader>
        <CardContent>
          {/* A plain link: the browser streams the file to disk, however large. */}
          <a href="/api/account/export" download className={buttonVariants({ variant: "secondary" })}>
            <Download aria-hidden />
            Download all my data
          </a>
        </CardContent>
      </Card>
      <Card className="border-red-200 dark:border-red-900">
        <CardHeader>
          <CardTitle>Delete account</CardTitle>
          <CardDescription>
            Deletes your account and everything in it: profile, chatbots, their conversations and your API keys. This
            can’t be undone; download your data first if you want to keep it.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <DeleteAccountForm email={user.email} />
        </CardContent>
      </Card>
    </>
  );
}
